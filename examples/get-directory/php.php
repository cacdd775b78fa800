<?php

require __DIR__ . '/vendor/autoload.php';

\Acme\Acme::setApiKey(getenv('ACME_API_KEY'));
$directorySync = new \Acme\DirectorySync();

$directory = $directorySync->getDirectory(directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E');
echo "{$directory->name} is {$directory->state}\n";
