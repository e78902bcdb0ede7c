terraform {
  # 1.10 is the first release with S3-native state locking (use_lockfile, see backend.tf);
  # 1.9 added cross-variable references in validation blocks, which variables.tf uses.
  required_version = ">= 1.10.0, < 2.0.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }
}
