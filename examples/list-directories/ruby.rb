require 'acme'

Acme.configure { |config| config.key = ENV.fetch('ACME_API_KEY') }

page = Acme::DirectorySync.list_directories(
  organization_id: 'org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A',
  limit: 5,
)

page.data.each { |directory| puts "#{directory.id}: #{directory.domain}" }
