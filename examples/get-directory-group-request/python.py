import os

from acme import AcmeClient

acme = AcmeClient(api_key=os.environ["ACME_API_KEY"])

group = acme.directory_sync.get_group(group_id="directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB")
