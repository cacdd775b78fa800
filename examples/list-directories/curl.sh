curl --get https://api.example.com/directories \
  --header "Authorization: Bearer $ACME_API_KEY" \
  --data-urlencode "organization_id=org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A" \
  --data-urlencode "limit=5"
