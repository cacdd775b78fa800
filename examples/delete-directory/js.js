import { Acme } from '@acme/node';

const acme = new Acme(process.env.ACME_API_KEY);

await acme.directorySync.deleteDirectory('directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E');
