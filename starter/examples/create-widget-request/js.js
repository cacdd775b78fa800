import { Client } from '@acme/node';

const client = new Client({ apiKey: process.env.ACME_API_KEY });
const widget = await client.widgets.create({
  name: 'Sprocket',
  color: 'green',
  idempotencyKey: '5f1c2a9e-8d4b-4c6a-9e7f-1b2c3d4e5f60',
});
