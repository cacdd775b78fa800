curl https://api.example.com/directory_users/directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C \
  --header "Authorization: Bearer $ACME_API_KEY"
