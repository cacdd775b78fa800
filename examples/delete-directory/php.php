<?php

require __DIR__ . '/vendor/autoload.php';

\Acme\Acme::setApiKey(getenv('ACME_API_KEY'));
$directorySync = new \Acme\DirectorySync();

$directorySync->deleteDirectory(directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E');
