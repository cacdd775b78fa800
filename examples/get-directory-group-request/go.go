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

	group, err := directorysync.GetGroup(ctx, directorysync.GetGroupOpts{
		Group: "directory_group_01HV4C8S1PJ5Y2GNE7KD3W9QXB",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(group.Name)
}
