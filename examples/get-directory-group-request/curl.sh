curl https://api.example.com/directory_groups/directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB \
  --header "Authorization: Bearer $ACME_API_KEY"
