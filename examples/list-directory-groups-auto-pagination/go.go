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

	opts := directorysync.ListGroupsOpts{Directory: "directory_01HV3K9Q2M7Z8T4RX5WB6NCJ1E"}
	for {
		page, err := directorysync.ListGroups(ctx, opts)
		if err != nil {
			panic(err)
		}
		for _, group := range page.Data {
			fmt.Println(group.Name)
		}
		if page.ListMetadata.After == "" {
			break
		}
		opts.After = page.ListMetadata.After
	}
}
