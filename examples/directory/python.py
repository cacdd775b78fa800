directory = Directory(
    id="directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
    domain="northwind.example",
    name="Northwind Okta",
    organization_id="org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A",
    state="linked",
    type="okta scim v2.0",
    created_at="2024-04-15T09:12:44.108Z",
    updated_at="2024-04-16T18:02:11.384Z",
)
