import { Acme } from '@acme/node';

const acme = new Acme(process.env.ACME_API_KEY);

const page = await acme.directorySync.listUsers({
  group: 'directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB',
  limit: 25,
});

for (const user of page.data) {
  console.log(`${user.email} (${user.state})`);
}
