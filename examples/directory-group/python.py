group = DirectoryGroup(
    id="directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB",
    idp_id="00gk4bq7xzS1tXJm5d7",
    directory_id="directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
    name="Engineering",
    created_at="2024-04-16T18:03:50.512Z",
    updated_at="2024-04-16T18:03:50.512Z",
)
