<?php

require __DIR__ . '/vendor/autoload.php';

\Acme\Acme::setApiKey(getenv('ACME_API_KEY'));
$directorySync = new \Acme\DirectorySync();

$group = $directorySync->getGroup(directoryGroup: 'directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB');
