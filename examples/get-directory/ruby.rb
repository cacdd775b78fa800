require 'acme'

Acme.configure { |config| config.key = ENV.fetch('ACME_API_KEY') }

directory = Acme::DirectorySync.get_directory(id: 'directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E')
puts "#{directory.name} is #{directory.state}"
