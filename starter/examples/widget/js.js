const widget = {
  id: 'wgt_01J8ZK4Q7N2V5C3X9B6M',
  name: 'Sprocket',
  color: 'green',
  createdAt: new Date('2024-04-16T18:03:50.512Z'),
};
