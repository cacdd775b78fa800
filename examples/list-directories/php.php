<?php

require __DIR__ . '/vendor/autoload.php';

\Acme\Acme::setApiKey(getenv('ACME_API_KEY'));
$directorySync = new \Acme\DirectorySync();

$page = $directorySync->listDirectories(
    organizationId: 'org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A',
    limit: 5,
);

foreach ($page->data as $directory) {
    echo "{$directory->id}: {$directory->domain}\n";
}
