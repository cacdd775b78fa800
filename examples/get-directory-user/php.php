<?php

require __DIR__ . '/vendor/autoload.php';

\Acme\Acme::setApiKey(getenv('ACME_API_KEY'));
$directorySync = new \Acme\DirectorySync();

$user = $directorySync->getUser(directoryUser: 'directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C');
echo "{$user->firstName} {$user->lastName} <{$user->email}>\n";
