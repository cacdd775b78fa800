import os

from acme import AcmeClient

acme = AcmeClient(api_key=os.environ["ACME_API_KEY"])

page = acme.directory_sync.list_groups(directory_id="directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E", order="asc")

for group in page.data:
    print(group.name)
