require 'acme'

Acme.configure { |config| config.key = ENV.fetch('ACME_API_KEY') }

after = nil
loop do
  page = Acme::DirectorySync.list_groups(directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E', after: after)
  page.data.each { |group| puts group.name }
  after = page.list_metadata['after']
  break if after.nil?
end
