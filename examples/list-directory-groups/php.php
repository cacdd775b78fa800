<?php

require __DIR__ . '/vendor/autoload.php';

\Acme\Acme::setApiKey(getenv('ACME_API_KEY'));
$directorySync = new \Acme\DirectorySync();

$page = $directorySync->listGroups(directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E', order: 'asc');

foreach ($page->data as $group) {
    echo $group->name, "\n";
}
