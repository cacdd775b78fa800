package main

import (
	"context"
	"fmt"
	"os"

	"github.com/acme-example/acme-go/pkg/directorysync"
)

func main() {
	directorysync.SetAPIKey(os.Getenv("ACME_API_KEY"))
	ctx := context.Background()

	user, err := directorysync.GetUser(ctx, directorysync.GetUserOpts{
		User: "directory_user_01HV4B2D7NX9K3QWZ6F1T8RM5C",
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%s %s <%s>\n", user.FirstName, user.LastName, user.Email)
}
