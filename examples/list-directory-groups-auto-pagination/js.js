import { Acme } from '@acme/node';

const acme = new Acme(process.env.ACME_API_KEY);

const page = await acme.directorySync.listGroups({ directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E' });

// autoPagination() keeps requesting the next page until the list is exhausted.
const groups = await page.autoPagination();

console.log(`${groups.length} groups in total`);
