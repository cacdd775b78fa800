import os

from acme import AcmeClient

acme = AcmeClient(api_key=os.environ["ACME_API_KEY"])

page = acme.directory_sync.list_users(group_id="directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB", limit=25)

for user in page.data:
    print(f"{user.email} ({user.state})")
