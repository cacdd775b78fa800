curl https://api.example.com/widgets \
  --header "Authorization: Bearer $ACME_API_KEY" \
  --header "Idempotency-Key: 5f1c2a9e-8d4b-4c6a-9e7f-1b2c3d4e5f60" \
  --data name=Sprocket \
  --data color=green
