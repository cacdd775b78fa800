import os

from acme import AcmeClient

acme = AcmeClient(api_key=os.environ["ACME_API_KEY"])

acme.directory_sync.delete_directory(directory_id="directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E")
