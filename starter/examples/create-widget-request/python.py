import os

from acme import Client

client = Client(api_key=os.environ["ACME_API_KEY"])
widget = client.widgets.create(
    name="Sprocket",
    color="green",
    idempotency_key="5f1c2a9e-8d4b-4c6a-9e7f-1b2c3d4e5f60",
)
