curl --get https://api.example.com/directory_groups \
  --header "Authorization: Bearer $ACME_API_KEY" \
  --data-urlencode "directory=directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E" \
  --data-urlencode "order=asc"
