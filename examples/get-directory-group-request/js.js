import { Acme } from '@acme/node';

const acme = new Acme(process.env.ACME_API_KEY);

const group = await acme.directorySync.getGroup('directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB');
