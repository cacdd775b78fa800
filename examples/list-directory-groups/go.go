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

	page, err := directorysync.ListGroups(ctx, directorysync.ListGroupsOpts{
		Directory: "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E",
		Order:     directorysync.Asc,
	})
	if err != nil {
		panic(err)
	}
	for _, group := range page.Data {
		fmt.Println(group.Name)
	}
}
