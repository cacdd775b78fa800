# cURL has no auto-pagination: repeat the request with after=<list_metadata.after>
# until list_metadata.after is null.
curl --get https://api.example.com/directory_groups \
  --header "Authorization: Bearer $ACME_API_KEY" \
  --data-urlencode "directory=directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E" \
  --data-urlencode "after=directory_group_01HV4C9T6VMQ0Z3HRA8B2K5DYE"
