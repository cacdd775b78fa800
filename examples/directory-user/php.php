<?php

use Acme\Resource\DirectoryUser;

$user = DirectoryUser::constructFromResponse([
    'id' => 'directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C',
    'idp_id' => '00uk4bq2r6Ab1xQe9d7',
    'directory_id' => 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E',
    'organization_id' => 'org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A',
    'first_name' => 'Maya',
    'last_name' => 'Lindqvist',
    'email' => 'maya@northwind.example',
    'emails' => [['primary' => true, 'type' => 'work', 'value' => 'maya@northwind.example']],
    'role' => ['slug' => 'member'],
    'groups' => [['id' => 'directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB', 'name' => 'Engineering']],
    'state' => 'active',
    'custom_attributes' => ['department' => 'Engineering'],
    'created_at' => '2024-04-16T18:03:52.904Z',
    'updated_at' => '2024-05-02T07:41:19.230Z',
]);
