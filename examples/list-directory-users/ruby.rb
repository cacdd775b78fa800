require 'acme'

Acme.configure { |config| config.key = ENV.fetch('ACME_API_KEY') }

page = Acme::DirectorySync.list_users(group: 'directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB', limit: 25)

page.data.each { |user| puts "#{user.email} (#{user.state})" }
