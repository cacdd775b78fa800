import { Acme } from '@acme/node';

const acme = new Acme(process.env.ACME_API_KEY);

const page = await acme.directorySync.listGroups({
  directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E',
  order: 'asc',
});

for (const group of page.data) {
  console.log(group.name);
}
