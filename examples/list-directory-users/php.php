<?php

require __DIR__ . '/vendor/autoload.php';

\Acme\Acme::setApiKey(getenv('ACME_API_KEY'));
$directorySync = new \Acme\DirectorySync();

$page = $directorySync->listUsers(group: 'directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB', limit: 25);

foreach ($page->data as $user) {
    echo "{$user->email} ({$user->state})\n";
}
