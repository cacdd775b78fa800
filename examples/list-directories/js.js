import { Acme } from '@acme/node';

const acme = new Acme(process.env.ACME_API_KEY);

const page = await acme.directorySync.listDirectories({
  organizationId: 'org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A',
  limit: 5,
});

for (const directory of page.data) {
  console.log(`${directory.id}: ${directory.domain}`);
}
