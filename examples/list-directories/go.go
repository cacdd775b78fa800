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

	page, err := directorysync.ListDirectories(ctx, directorysync.ListDirectoriesOpts{
		OrganizationID: "org_01HV3JZ6P4B1Q8R2Y7DKT5MW0A",
		Limit:          5,
	})
	if err != nil {
		panic(err)
	}
	for _, directory := range page.Data {
		fmt.Printf("%s: %s\n", directory.ID, directory.Domain)
	}
}
