require 'acme'

Acme.configure { |config| config.key = ENV.fetch('ACME_API_KEY') }

group = Acme::DirectorySync.get_group(id: 'directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB')
