# Optional Amazon DocumentDB cluster, created only when mongodb_provider = "documentdb". With the default
# ("atlas") the operator supplies the MongoDB URI instead (var.mongodb_connection_string) and none of this exists.
#
# DocumentDB is MongoDB-compatible but not MongoDB: the URI must carry tls=true and retryWrites=false, and its
# server certificates are signed by the Amazon RDS certificate authorities, which the container image must trust
# (see README.md).

resource "random_password" "documentdb_master" {
  count = local.use_documentdb ? 1 : 0

  # DocumentDB forbids '/', '"' and '@' in the master password; alphanumerics also need no URI escaping.
  length  = 40
  special = false
}

resource "aws_docdb_subnet_group" "mongo" {
  count = local.use_documentdb ? 1 : 0

  name        = "${local.name}-docdb"
  description = "Private subnets of the CartKit DocumentDB cluster"
  subnet_ids  = aws_subnet.private[*].id
}

resource "aws_docdb_cluster_parameter_group" "mongo" {
  count = local.use_documentdb ? 1 : 0

  name        = "${local.name}-docdb"
  family      = "docdb${join(".", slice(split(".", var.documentdb_engine_version), 0, 2))}"
  description = "CartKit DocumentDB: TLS required"

  parameter {
    name  = "tls"
    value = "enabled"
  }
}

resource "aws_docdb_cluster" "mongo" {
  count = local.use_documentdb ? 1 : 0

  cluster_identifier              = "${local.name}-docdb"
  engine                          = "docdb"
  engine_version                  = var.documentdb_engine_version
  port                            = local.mongodb_port
  master_username                 = "cartkit"
  master_password                 = random_password.documentdb_master[0].result
  db_subnet_group_name            = aws_docdb_subnet_group.mongo[0].name
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.mongo[0].name
  vpc_security_group_ids          = [aws_security_group.documentdb[0].id]

  storage_encrypted = true
  kms_key_id        = aws_kms_key.main.arn

  # MongoDB is the source of truth: keep backups, a final snapshot, and refuse deletion.
  backup_retention_period      = var.documentdb_backup_retention_days
  preferred_backup_window      = "02:00-03:00"
  preferred_maintenance_window = "sun:05:30-sun:06:30"
  skip_final_snapshot          = false
  final_snapshot_identifier    = "${local.name}-docdb-final"
  deletion_protection          = true
  apply_immediately            = false

  tags = {
    Name = "${local.name}-docdb"
  }
}

resource "aws_docdb_cluster_instance" "mongo" {
  count = local.use_documentdb ? var.documentdb_instance_count : 0

  identifier                 = "${local.name}-docdb-${count.index + 1}"
  cluster_identifier         = aws_docdb_cluster.mongo[0].id
  engine                     = "docdb"
  instance_class             = var.documentdb_instance_class
  auto_minor_version_upgrade = true
  apply_immediately          = false

  tags = {
    Name = "${local.name}-docdb-${count.index + 1}"
  }
}

locals {
  # Cluster endpoint (always the writer) with the options DocumentDB requires: TLS on, retryable writes off.
  documentdb_connection_string = local.use_documentdb ? format(
    "mongodb://%s:%s@%s:%d/?tls=true&replicaSet=rs0&readPreference=secondaryPreferred&retryWrites=false",
    aws_docdb_cluster.mongo[0].master_username,
    random_password.documentdb_master[0].result,
    aws_docdb_cluster.mongo[0].endpoint,
    aws_docdb_cluster.mongo[0].port,
  ) : null
}
