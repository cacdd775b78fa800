import os

from acme import AcmeClient

acme = AcmeClient(api_key=os.environ["ACME_API_KEY"])

directory = acme.directory_sync.get_directory(directory_id="directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E")
print(f"{directory.name} is {directory.state}")
