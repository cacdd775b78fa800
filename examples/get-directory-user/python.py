import os

from acme import AcmeClient

acme = AcmeClient(api_key=os.environ["ACME_API_KEY"])

user = acme.directory_sync.get_user(user_id="directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C")
print(f"{user.first_name} {user.last_name} <{user.email}>")
