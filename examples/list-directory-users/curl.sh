curl --get https://api.example.com/directory_users \
  --header "Authorization: Bearer $ACME_API_KEY" \
  --data-urlencode "group=directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB" \
  --data-urlencode "limit=25"
