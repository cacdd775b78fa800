curl https://api.example.com/directories/directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E \
  --header "Authorization: Bearer $ACME_API_KEY"
