import os

from acme import AcmeClient

acme = AcmeClient(api_key=os.environ["ACME_API_KEY"])

page = acme.directory_sync.list_directories(
    organization_id="org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A",
    limit=5,
)

for directory in page.data:
    print(f"{directory.id}: {directory.domain}")
