require 'acme'

Acme.configure { |config| config.key = ENV.fetch('ACME_API_KEY') }

user = Acme::DirectorySync.get_user(id: 'directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C')
puts "#{user.first_name} #{user.last_name} <#{user.email}>"
