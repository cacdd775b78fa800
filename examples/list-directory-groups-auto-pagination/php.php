<?php

require __DIR__ . '/vendor/autoload.php';

\Acme\Acme::setApiKey(getenv('ACME_API_KEY'));
$directorySync = new \Acme\DirectorySync();

$after = null;
do {
    $page = $directorySync->listGroups(directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E', after: $after);
    foreach ($page->data as $group) {
        echo $group->name, "\n";
    }
    $after = $page->listMetadata->after;
} while ($after !== null);
