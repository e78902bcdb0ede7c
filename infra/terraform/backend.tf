# Remote state
#
# State for this stack contains secrets (the Redis auth token, the generated payment API key and, when
# mongodb_provider = "documentdb", the DocumentDB master password), so production state must live in an
# encrypted, access-controlled, versioned remote backend, never on a laptop.
#
# To enable it:
#   1. Create (once, outside this stack) an S3 bucket with versioning, default encryption (SSE-KMS) and
#      "block all public access" on, and restrict it to the deploy role.
#   2. Uncomment the block below and set bucket, key and region (or leave them out here and pass them at
#      init time: terraform init -backend-config=backend.hcl).
#   3. Run terraform init -migrate-state to move any local state into the bucket.
#
# use_lockfile gives S3-native state locking (Terraform >= 1.10); no DynamoDB table is needed.
#
# terraform {
#   backend "s3" {
#     bucket       = "example-org-terraform-state"
#     key          = "cartkit/production/terraform.tfstate"
#     region       = "eu-west-1"
#     encrypt      = true
#     kms_key_id   = "alias/terraform-state"
#     use_lockfile = true
#   }
# }
