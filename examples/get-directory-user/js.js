import { Acme } from '@acme/node';

const acme = new Acme(process.env.ACME_API_KEY);

const user = await acme.directorySync.getUser('directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C');
console.log(`${user.firstName} ${user.lastName} <${user.email}>`);
