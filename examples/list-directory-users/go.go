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

	page, err := directorysync.ListUsers(ctx, directorysync.ListUsersOpts{
		Group: "directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB",
		Limit: 25,
	})
	if err != nil {
		panic(err)
	}
	for _, user := range page.Data {
		fmt.Printf("%s (%s)\n", user.Email, user.State)
	}
}
