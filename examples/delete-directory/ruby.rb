require 'acme'

Acme.configure { |config| config.key = ENV.fetch('ACME_API_KEY') }

Acme::DirectorySync.delete_directory(id: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E')
