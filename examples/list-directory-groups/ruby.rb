require 'acme'

Acme.configure { |config| config.key = ENV.fetch('ACME_API_KEY') }

page = Acme::DirectorySync.list_groups(directory: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E', order: 'asc')

page.data.each { |group| puts group.name }
